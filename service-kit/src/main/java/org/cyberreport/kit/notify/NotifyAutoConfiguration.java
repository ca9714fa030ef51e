package org.cyberreport.kit.notify;

import java.time.Clock;
import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Notices for a service that names where to serve them ({@code cyberreport.notify.path}): the board
 * its producers post to, the store, the users' stream, list and preferences, and, when an SMTP host is
 * configured, the mailer. Without a host nothing is mailed.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnBean(MongoTemplate.class)
@ConditionalOnProperty(prefix = "cyberreport.notify", name = "path")
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyAutoConfiguration {

    @Bean
    NoticeStore noticeStore(MongoTemplate template) {
        return new NoticeStore(template);
    }

    @Bean
    Recipients noticeRecipients(MongoTemplate template, ObjectProvider<Clock> clock, NotifyProperties properties) {
        return new Recipients(template, clock.getIfAvailable(Clock::systemUTC), properties);
    }

    @Bean
    NoticeStream noticeStream(NoticeStore store, ObjectProvider<Clock> clock, NotifyProperties properties) {
        return new NoticeStream(store, clock.getIfAvailable(Clock::systemUTC), properties);
    }

    @Bean
    NoticeBoard noticeBoard(NoticeStore store, NoticeStream stream) {
        return new NoticeBoard(store, stream);
    }

    @Bean
    NoticeController noticeController(NoticeStore store, NoticeStream stream, Recipients recipients,
                                      NotifyProperties properties, ObjectProvider<Clock> clock) {
        return new NoticeController(store, stream, recipients, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnExpression("!'${cyberreport.notify.mail.host:}'.isBlank()")
    NoticeMailer noticeMailer(NoticeStore store, Recipients recipients, MongoTemplate template,
                              ObjectProvider<Clock> clock, NotifyProperties properties) {
        NotifyProperties.Mail mail = properties.mail();
        return new NoticeMailer(store, recipients, sender(mail), template, clock.getIfAvailable(Clock::systemUTC), mail);
    }

    static JavaMailSenderImpl sender(NotifyProperties.Mail mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        sender.setDefaultEncoding("UTF-8");
        if (!mail.username().isBlank()) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password());
        }
        Properties properties = sender.getJavaMailProperties();
        String timeout = String.valueOf(mail.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.auth", String.valueOf(!mail.username().isBlank()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(mail.starttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(mail.starttls()));
        return sender;
    }
}
