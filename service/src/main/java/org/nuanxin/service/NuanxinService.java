package org.nuanxin.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The union service: {@code java -jar service/target/nuanxin-service.jar}. */
@SpringBootApplication
public class NuanxinService {

    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(NuanxinService.class, args);
    }
}
