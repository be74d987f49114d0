package io.clientele.orderlink;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrderLinkApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderLinkApplication.class, args);
    }
}
