package io.clientele.orderlink.catalog;

import java.util.List;

/**
 * What a catalog import did (or, in a dry run, would do): counts, and every rejected row with its line
 * number, every reason and its cells, so the file can be fixed and imported again.
 */
record ImportReport(boolean dryRun, int rowsRead, int created, int updated, int unchanged, int rejected,
        int categoriesCreated, List<Rejection> rejections) {

    /** @param row the line the row starts on in the file (the header is line 1) */
    record Rejection(int row, List<String> reasons, List<String> cells) {
    }
}
