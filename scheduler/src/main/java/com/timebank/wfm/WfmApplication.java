package com.timebank.wfm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(WfmProperties.class)
public class WfmApplication {

    public static void main(String[] args) {
        // jOOQ prints its logo and a tip of the day on first use; the console is for the service's own messages
        quietByDefault("org.jooq.no-logo");
        quietByDefault("org.jooq.no-tips");
        SpringApplication.run(WfmApplication.class, args);
    }

    private static void quietByDefault(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }
}
