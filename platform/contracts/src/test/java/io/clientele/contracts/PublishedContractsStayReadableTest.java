package io.clientele.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Services deploy one at a time: a consumer built against the released schemas (released/) must read
 * what producers publish now. A change listed here needs a new event version instead (released/README.md).
 */
class PublishedContractsStayReadableTest {

    @Test
    void everyReaderOfTheReleasedSchemasReadsTheCurrentOnes() {
        assertThat(SchemaCompatibility.breakingChanges(Path.of("released"),
                Path.of("src/main/resources/contracts/schemas"))).isEmpty();
    }
}
