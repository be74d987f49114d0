package io.clientele.communication;

import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Simulates the process dying right after a provider accepted a message and before the outcome was
 * recorded: armed, the next real SMTP session (or SMS call) completes and then throws an Error, which
 * abandons the batch exactly as a crash would leave it (SENDING, the last decision SEND). Disarmed, the
 * real sender runs untouched.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Crashes {

    private static final AtomicBoolean AFTER_SMTP = new AtomicBoolean();
    private static final AtomicBoolean AFTER_SMS = new AtomicBoolean();

    /** The process "dies": what a crash looks like from inside the sender. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    public static void afterNextSmtpSession() {
        AFTER_SMTP.set(true);
    }

    public static void afterNextSmsCall() {
        AFTER_SMS.set(true);
    }

    public static boolean smsCrashArmed() {
        return AFTER_SMS.get();
    }

    /** Called by the SMS provider wrapper in the sending package's tests. */
    public static void maybeCrashAfterSms() {
        if (AFTER_SMS.compareAndSet(true, false)) {
            throw new SimulatedCrash("after the SMS provider accepted");
        }
    }

    @Bean
    static BeanPostProcessor crashableMailSender() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JavaMailSenderImpl real && !(bean instanceof Crashable) ? new Crashable(real) : bean;
            }
        };
    }

    /** Boot's JavaMailSender, same settings, which can be made to "crash" after a session it completed. */
    static final class Crashable extends JavaMailSenderImpl {

        Crashable(JavaMailSenderImpl real) {
            setHost(real.getHost());
            setPort(real.getPort());
            setUsername(real.getUsername());
            setPassword(real.getPassword());
            setProtocol(real.getProtocol());
            setDefaultEncoding(real.getDefaultEncoding());
            setJavaMailProperties(real.getJavaMailProperties());
        }

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
            super.doSend(messages, originals);
            if (AFTER_SMTP.compareAndSet(true, false)) {
                throw new SimulatedCrash("after the SMTP server accepted");
            }
        }
    }
}
