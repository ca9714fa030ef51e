package org.cyberreport.kit.notify;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cyberreport.notify}: where the service serves its users' notices, which kinds it makes, and
 * how they are streamed and mailed. Mail is off while {@code mail.host} is empty.
 *
 * @param path                where the list, the stream and the preferences are served
 * @param kinds               the kinds this service makes (a user may mute each)
 * @param streamTimeout       how long one stream stays open (the browser reconnects, and the token is checked again)
 * @param pollInterval        how often notices posted by other instances are looked for while someone listens here
 * @param heartbeat           how often an idle stream gets a comment, so proxies keep it open
 * @param retention           how long notices are kept
 * @param recipientsSeenWithin a user who has not used the platform for longer is not mailed
 */
@ConfigurationProperties("cyberreport.notify")
public record NotifyProperties(String path, @DefaultValue List<String> kinds,
                               @DefaultValue("10m") Duration streamTimeout,
                               @DefaultValue("2s") Duration pollInterval,
                               @DefaultValue("20s") Duration heartbeat,
                               @DefaultValue("30d") Duration retention,
                               @DefaultValue("30d") Duration recipientsSeenWithin,
                               @DefaultValue Mail mail) {

    /**
     * @param interval    how often pending notices are mailed
     * @param gather      how long no notice must have come before the pending ones are mailed (one digest rather than many)
     * @param maxWait     how long a pending notice waits at most for the quiet
     * @param digestAfter more notices than this for one user in one pass come as one digest (a user may change it)
     */
    public record Mail(@DefaultValue("") String host, @DefaultValue("25") int port, @DefaultValue("") String username,
                       @DefaultValue("") String password, @DefaultValue("false") boolean starttls,
                       @DefaultValue("cyberreport@localhost") String from,
                       @DefaultValue("http://localhost:8090") String consoleUrl,
                       @DefaultValue("500ms") Duration interval, @DefaultValue("1s") Duration gather,
                       @DefaultValue("3s") Duration maxWait,
                       @DefaultValue("3") int digestAfter, @DefaultValue("5s") Duration timeout) {

        public boolean enabled() {
            return host != null && !host.isBlank();
        }
    }
}
