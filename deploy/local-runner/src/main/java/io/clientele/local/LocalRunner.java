package io.clientele.local;

import java.util.Arrays;

/**
 * The jar's entry point: {@code infra} hosts the local infrastructure, {@code token} prints a development
 * token. One jar with two commands keeps {@code deploy/local/run.sh} and {@code token.sh} to a plain
 * {@code java -jar}.
 */
public final class LocalRunner {

    private LocalRunner() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "infra" -> LocalInfrastructure.main(rest);
            case "token" -> DevToken.main(rest);
            default -> {
                System.err.println("""
                        usage: java -jar local-runner.jar infra [--state-file PATH] [--mongo-port PORT] [--partitions N] [--smtp-port PORT] [--sms-port PORT]
                               java -jar local-runner.jar token [--workspace UUID] [--subject NAME] [--roles A,B] [--validity 12h]
                        """);
                System.exit(2);
            }
        }
    }
}
