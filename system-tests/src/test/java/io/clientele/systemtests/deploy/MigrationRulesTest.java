package io.clientele.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every migration not yet released keeps the previous release working on the migrated schema. */
class MigrationRulesTest {

    static final Path RELEASED = Commands.ROOT.resolve("deploy/released-migrations.txt");

    static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.walk(Commands.ROOT, 8)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .filter(file -> file.toString().contains("/src/main/resources/db/"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .sorted().toList();
        }
    }

    static Set<String> released() throws IOException {
        return Files.readAllLines(RELEASED).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toSet());
    }

    @Test
    void newMigrationsOnlyExpand() throws IOException {
        Set<String> released = released();
        List<String> violations = new ArrayList<>();
        for (Path migration : migrations()) {
            String name = Commands.ROOT.relativize(migration).toString();
            if (!released.contains(name)) {
                violations.addAll(MigrationRules.violations(name, Files.readString(migration)));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theReleasedListNamesOnlyMigrationsThatExist() throws IOException {
        Set<String> existing = migrations().stream().map(m -> Commands.ROOT.relativize(m).toString())
                .collect(Collectors.toSet());

        assertThat(existing).containsAll(released());
    }

    @Test
    void whatBreaksTheRunningVersionIsRefused() {
        assertThat(MigrationRules.violations("V9__x.sql", "ALTER TABLE customer DROP COLUMN sort_name;")).hasSize(1);
        assertThat(MigrationRules.violations("V9__x.sql", "ALTER TABLE customer RENAME COLUMN phone TO mobile;")).hasSize(1);
        assertThat(MigrationRules.violations("V9__x.sql", "ALTER TABLE note ALTER COLUMN body TYPE varchar(10);")).hasSize(1);
        assertThat(MigrationRules.violations("V9__x.sql", "ALTER TABLE note ALTER COLUMN body SET NOT NULL;")).hasSize(1);
        assertThat(MigrationRules.violations("V9__x.sql", "ALTER TABLE inbox ADD COLUMN ws UUID NOT NULL;")).hasSize(1);
        assertThat(MigrationRules.violations("V9__x.sql",
                "ALTER TABLE inbox ADD COLUMN ws UUID NOT NULL DEFAULT gen_random_uuid();\n"
                        + "ALTER TABLE inbox ALTER COLUMN ws DROP DEFAULT;")).hasSize(1);
        assertThat(MigrationRules.violations("V9__x.sql", "DROP TABLE old_things;")).hasSize(1);
    }

    @Test
    void expandingIsAllowedAndAContractStepSaysWhatItRemoves() {
        assertThat(MigrationRules.violations("V9__x.sql", """
                -- a comment may say DROP COLUMN without doing it
                CREATE TABLE campaign (id UUID PRIMARY KEY, name TEXT NOT NULL);
                ALTER TABLE customer ADD COLUMN nickname VARCHAR(100);
                ALTER TABLE customer ADD COLUMN vip BOOLEAN NOT NULL DEFAULT false;
                CREATE INDEX customer_by_vip ON customer (workspace_id, vip, id);
                DROP INDEX customer_by_old;""")).isEmpty();
        assertThat(MigrationRules.violations("V10__contract_sort_name.sql",
                "-- contract: sort_name, unused since release 2026.12\nALTER TABLE customer DROP COLUMN sort_name;"))
                .isEmpty();
        assertThat(MigrationRules.violations("V10__contract_sort_name.sql", "ALTER TABLE customer DROP COLUMN sort_name;"))
                .hasSize(1);
    }
}
