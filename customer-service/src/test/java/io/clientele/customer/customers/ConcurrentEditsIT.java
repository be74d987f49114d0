package io.clientele.customer.customers;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
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
 * Issue 13, item 12: two edits made for the same version (the same If-Match) and released together; one
 * wins, and the other is told its precondition failed (412), never 409, whichever check caught it: the
 * service's comparison of versions or the version column at the write.
 */
@CustomerServiceIT
class ConcurrentEditsIT {

    static final int ROUNDS = 15;

    @LocalServerPort
    int port;

    @Test
    void theLoserOfTwoEditsWithTheSameIfMatchIsTold412() throws Exception {
        Api staff = Api.staff(port, UUID.randomUUID());
        Map<String, Object> base = aCustomer();
        UUID customer = staff.create(base);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String etag = staff.get("/api/v1/customers/{id}", customer).returnResult().getResponseHeaders().getETag();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> edits = new ArrayList<>();
                for (String lastName : List.of("First-" + round, "Second-" + round)) {
                    Map<String, Object> edit = with(base, "lastName", lastName);
                    edits.add(threads.submit(() -> {
                        start.await();
                        return staff.putIfMatch("/api/v1/customers/{id}", etag, edit, customer).returnResult()
                                .getStatus().value();
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
