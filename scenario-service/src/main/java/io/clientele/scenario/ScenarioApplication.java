package io.clientele.scenario;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScenarioApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScenarioApplication.class, args);
    }
}
