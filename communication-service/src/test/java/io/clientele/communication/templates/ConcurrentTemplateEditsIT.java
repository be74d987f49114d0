package io.clientele.communication.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.communication.CommunicationIT;
import io.clientele.testkit.http.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, item 12: two edits of a template made for the same version (the same If-Match) and released
 * together; one wins, the other is told 412 (as preferences answer), never 409, whether the service's
 * version comparison or the conditional write caught it.
 */
@CommunicationIT
class ConcurrentTemplateEditsIT {

    static final int ROUNDS = 15;

    @LocalServerPort
    int port;

    @Test
    void theLoserOfTwoEditsWithTheSameIfMatchIsTold412() throws Exception {
        Api staff = Api.staff(port, UUID.randomUUID());
        Map<String, Object> template = Map.of("key", "reminder", "channel", "EMAIL", "language", "cs",
                "name", "Reminder", "subject", "Reminder", "text", "Hello");
        String id = (String) staff.postJson("/api/v1/templates", template).get("id");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String etag = staff.get("/api/v1/templates/{id}", id).returnResult().getResponseHeaders().getETag();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> edits = new ArrayList<>();
                for (String text : List.of("First " + round, "Second " + round)) {
                    Map<String, Object> edit = new java.util.HashMap<>(template);
                    edit.put("text", text);
                    edits.add(threads.submit(() -> {
                        start.await();
                        return staff.putIfMatch("/api/v1/templates/{id}", etag, edit, id).returnResult().getStatus().value();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> edit : edits) {
                    statuses.add(edit.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 412);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
