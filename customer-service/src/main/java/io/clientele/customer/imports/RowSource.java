package io.clientele.customer.imports;

import io.clientele.platform.problem.FieldViolation;
import java.io.Closeable;
import java.util.List;
import java.util.Map;

/** The rows of an import's file, one at a time: a CSV file or a JSON document. */
interface RowSource extends Closeable {

    /**
     * @param cells      the row's values by target, blank ones left out
     * @param raw        the row as the file had it (header or key to text), for the rejection report
     * @param violations what is wrong with the row before any value is read (a JSON row naming an
     *                   unknown field, say); empty when the row can be read
     */
    record SourceRow(RowReader.Cells cells, Map<String, String> raw, List<FieldViolation> violations) {
    }

    /** @return the next row, or null after the last one */
    SourceRow next();

    @Override
    void close();
}
