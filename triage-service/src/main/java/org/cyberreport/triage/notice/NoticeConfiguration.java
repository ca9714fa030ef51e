package org.cyberreport.triage.notice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(NoticeSettings.class)
class NoticeConfiguration {

    @Bean
    CaseNoticeRules caseNoticeRules(NoticeSettings settings) {
        return new CaseNoticeRules(settings.dueSoon());
    }
}
