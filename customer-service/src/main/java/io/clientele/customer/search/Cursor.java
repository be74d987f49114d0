package io.clientele.customer.search;

import io.clientele.platform.problem.InvalidInputException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a page of the customer list ended: the sort, and the sort keys and id of its last row. Opaque
 * to clients (base64url JSON); the next page starts right after that row, so pages stay fast however
 * deep they go and never skip or repeat rows when customers are added meanwhile.
 *
 * @param collation for a sort in the workspace's language, the collation its keys were compared in
 *                  (the owner may change the language between two pages); null for other sorts
 */
record Cursor(String sort, boolean descending, String collation, List<String> keys, UUID id) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
    }

    static Cursor decode(String token) {
        try {
            Cursor cursor = JSON.readValue(Base64.getUrlDecoder().decode(token), Cursor.class);
            if (cursor.sort() == null || cursor.keys() == null || cursor.id() == null) {
                throw invalid();
            }
            return cursor;
        } catch (IllegalArgumentException | JacksonException notOurs) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return InvalidInputException.of("cursor", "cursor", "is not a cursor this API returned");
    }
}
