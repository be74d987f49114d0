package io.clientele.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.customers.CustomerProfile;
import io.clientele.customer.customers.ImportedRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {

    List<ChunkPlanner.Planned> chunks = new ArrayList<>();
    ChunkPlanner planner = new ChunkPlanner(4, chunks::add);

    @Test
    void rowsOfDifferentPeopleFillChunksInFileOrder() {
        for (int i = 1; i <= 10; i++) {
            planner.add(row(i, "p" + i + "@x.cz", null), Map.of());
        }
        planner.finish();

        assertThat(chunks).extracting(chunk -> chunk.rows.stream().map(ImportedRow::rowNumber).toList())
                .containsExactly(List.of(1L, 2L, 3L, 4L), List.of(5L, 6L, 7L, 8L), List.of(9L, 10L));
    }

    @Test
    void aPersonSeenInThePreviousChunkWaitsForTheChunkAfter() {
        planner.add(row(1, "jana@x.cz", null), Map.of());
        planner.add(row(2, "a@x.cz", null), Map.of());
        planner.add(row(3, "b@x.cz", null), Map.of());
        planner.add(row(4, "c@x.cz", null), Map.of());
        planner.add(row(5, "JANA@x.cz", "+420777000001"), Map.of());
        planner.add(row(6, null, "+420777000001"), Map.of());
        planner.add(row(7, "d@x.cz", null), Map.of());
        planner.finish();

        assertThat(chunks).extracting(chunk -> chunk.rows.stream().map(ImportedRow::rowNumber).toList())
                .containsExactly(List.of(1L, 2L, 3L, 4L), List.of(7L), List.of(5L, 6L));
    }

    @Test
    void neighbouringChunksNeverShareAKeyAndEveryRowKeepsItsOrder() {
        Random random = new Random(7);
        int rows = 5_000;
        for (int i = 1; i <= rows; i++) {
            String email = random.nextInt(3) == 0 ? null : "p" + random.nextInt(300) + "@x.cz";
            String phone = random.nextInt(2) == 0 ? null : "+420777" + String.format("%06d", random.nextInt(300));
            planner.add(row(i, email == null && phone == null ? "solo" + i + "@x.cz" : email, phone), Map.of());
        }
        planner.finish();

        assertThat(chunks.stream().mapToInt(chunk -> chunk.rows.size()).sum()).isEqualTo(rows);
        for (int c = 1; c < chunks.size(); c++) {
            Set<String> previous = keys(chunks.get(c - 1));
            assertThat(keys(chunks.get(c))).as("chunk %d against %d", c, c - 1).doesNotContainAnyElementsOf(previous);
        }
        Map<String, Long> lastRowOfKey = new HashMap<>();
        for (ChunkPlanner.Planned chunk : chunks) {
            for (ImportedRow row : chunk.rows) {
                for (String key : ChunkPlanner.keys(row.given())) {
                    Long before = lastRowOfKey.put(key, row.rowNumber());
                    assertThat(before == null || before < row.rowNumber()).as("order of %s", key).isTrue();
                }
            }
        }
    }

    private static Set<String> keys(ChunkPlanner.Planned chunk) {
        Set<String> keys = new HashSet<>();
        chunk.rows.forEach(row -> keys.addAll(ChunkPlanner.keys(row.given())));
        return keys;
    }

    private static ImportedRow row(long number, String email, String phone) {
        return new ImportedRow(number, new CustomerProfile("Jana", "Nováková", null, email, phone, null, null, null,
                null, null, null, null, null, null, null, Map.of()), null, null);
    }
}
