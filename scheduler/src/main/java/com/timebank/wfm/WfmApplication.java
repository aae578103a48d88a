package com.timebank.wfm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WfmApplication {

    public static void main(String[] args) {
        SpringApplication.run(WfmApplication.class, args);
    }
}
