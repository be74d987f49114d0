package io.clientele.communication;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.clientele.testkit.infra.TcpProxy;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The real servers the service talks to in tests, one of each per test JVM: GreenMail as the SMTP
 * server and WireMock as the SMS provider's HTTP API. The service under test is pointed at them.
 */
public final class TestProviders implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String UNSUBSCRIBE_SECRET = "test-unsubscribe-secret-0123456789abcdef";
    public static final String SMS_API_KEY = "test-sms-key";

    private static GreenMail mail;
    private static WireMockServer sms;

    public static synchronized GreenMail mail() {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(TcpProxy.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(mail::stop));
        }
        return mail;
    }

    public static synchronized WireMockServer sms() {
        if (sms == null) {
            sms = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                    .globalTemplating(false));
            sms.start();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(sms::stop));
            acceptEverySms();
        }
        return sms;
    }

    /** The SMS API answering as a working provider does: 201 with an id for every message. */
    public static void acceptEverySms() {
        sms().resetAll();
        sms().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/messages").willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.jsonResponse("{\"id\": \"sms-{{randomValue length=8 type='ALPHANUMERIC'}}\", \"status\": \"queued\"}", 201)
                        .withTransformers("response-template")));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("clienteleTestProviders", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(mail().getSmtp().getPort()),
                "clientele.communication.sms.url", "http://127.0.0.1:" + sms().port(),
                "clientele.communication.sms.api-key", SMS_API_KEY,
                "clientele.communication.unsubscribe.secret", UNSUBSCRIBE_SECRET)));
        // The test JVM's MongoDB stops in its own shutdown hook, while the cached contexts close in theirs; a
        // closing step that still reaches for the store (the relay releasing its lease, a sender finishing
        // its batch) would otherwise wait the driver's 30 s server selection and outlive the fork's exit.
        if (context instanceof GenericApplicationContext generic) {
            generic.registerBean("storeGoneAtExit", MongoClientSettingsBuilderCustomizer.class,
                    () -> settings -> settings.applyToClusterSettings(
                            cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS)));
        }
    }
}
