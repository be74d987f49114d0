package io.clientele.local;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one command, checked against the names the command knows. */
record CommandLine(Map<String, String> options) {

    static CommandLine parse(String[] args, Set<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("Unknown option " + name + "; known: --" + String.join(", --", known));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            }
            options.put(name.substring(2), args[++i]);
        }
        return new CommandLine(Map.copyOf(options));
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
