package io.teamsmeet.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small web application on teams-spring-boot-starter: sign in, connect a Microsoft account,
 * create a Teams meeting, disconnect. Runs on the testkit's fake Microsoft unless {@code
 * sample.fake-microsoft=false}.
 */
@SpringBootApplication
public class SampleApplication {

  /**
   * Starts the sample.
   *
   * @param args Spring Boot arguments, for example {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
