package io.clientele.systemtests.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The expand/contract rule for one migration (docs/operations.md). A new version's migrations run while the
 * previous version still serves (rolling update: the old pods keep running until the new ones are ready,
 * and a rollback returns to the old code on the new schema), so an ordinary migration only adds: tables,
 * nullable columns or columns with a lasting default, indexes, functions. What would break the running
 * version waits for a later release, in a migration of its own whose name says {@code contract} and whose
 * first line says which release stopped using what it removes ({@code -- contract: ... unused since ...}).
 */
final class MigrationRules {

    private record Rule(Pattern statement, String why) {
    }

    private static final List<Rule> BREAKING = List.of(
            new Rule(Pattern.compile("\\bdrop\\s+table\\b"), "drops a table the running version may use"),
            new Rule(Pattern.compile("\\bdrop\\s+column\\b"), "drops a column the running version may read or write"),
            new Rule(Pattern.compile("\\brename\\s+(column\\s+)?\\w+\\s+to\\b|\\brename\\s+to\\b"),
                    "renames what the running version names"),
            new Rule(Pattern.compile("\\balter\\s+column\\s+\\w+\\s+(set\\s+data\\s+)?type\\b"),
                    "changes a column's type under the running version"),
            new Rule(Pattern.compile("\\bset\\s+not\\s+null\\b"), "requires a value the running version may not write"),
            new Rule(Pattern.compile("\\bdrop\\s+default\\b"),
                    "removes a default the running version's inserts may rely on"),
            new Rule(Pattern.compile("\\badd\\s+column\\s+(if\\s+not\\s+exists\\s+)?\\w+[^,;]*\\bnot\\s+null\\b(?![^,;]*\\bdefault\\b)"),
                    "adds a required column without a default: the running version's inserts fail"),
            new Rule(Pattern.compile("\\bdrop\\s+(function|view|type)\\b"), "drops what the running version may call"));

    private MigrationRules() {
    }

    /** @return why the migration would break the running version; empty when it only expands */
    static List<String> violations(String fileName, String sql) {
        String statements = withoutComments(sql).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean contract = fileName.toLowerCase(Locale.ROOT).contains("contract");
        List<String> found = new ArrayList<>();
        if (contract) {
            if (!sql.stripLeading().toLowerCase(Locale.ROOT).matches("(?s)-- contract: .+ unused since .+")) {
                found.add(fileName + ": a contract migration starts with '-- contract: <what> unused since <release>'");
            }
            return found;
        }
        for (Rule rule : BREAKING) {
            var matcher = rule.statement().matcher(statements);
            while (matcher.find()) {
                found.add(fileName + ": '" + matcher.group().strip() + "' " + rule.why()
                        + " (expand now, contract in a later release: docs/operations.md)");
            }
        }
        return found;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }
}
