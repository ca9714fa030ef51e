package org.cyberreport.cooperation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Cross-border requests reach the right foreign liaison. */
@SpringBootApplication
public class CooperationApplication {

    public static void main(String[] args) {
        SpringApplication.run(CooperationApplication.class, args);
    }
}
