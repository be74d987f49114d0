package io.clientele.customer.imports;

import static org.awaitility.Awaitility.await;

import io.clientele.customer.Api;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Imports files through the API as a front end does, and waits for them to finish. */
final class Importer {

    static final MediaType CSV = new MediaType("text", "csv");
    private static final Set<String> DONE = Set.of("COMPLETED", "FAILED", "UNDONE");

    private final Api api;

    Importer(Api api) {
        this.api = api;
    }

    /** Uploads {@code csv} as a form's file field, encoded in {@code charset}, and waits for the import. */
    Map<String, Object> upload(String fileName, String csv, Charset charset, Map<String, String> options) {
        Map<String, Object> started = start(fileName, csv.getBytes(charset), options);
        return finished(id(started));
    }

    Map<String, Object> upload(String fileName, String csv) {
        return upload(fileName, csv, StandardCharsets.UTF_8, Map.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> start(String fileName, byte[] content, Map<String, String> options) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        options.forEach(form::add);
        return api.postAs(MediaType.MULTIPART_FORM_DATA, "/api/v1/imports", form).expectStatus().isAccepted()
                .returnResult(Map.class).getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(Map<String, Object> document) {
        Map<String, Object> started = api.post("/api/v1/imports", document).expectStatus().isAccepted()
                .returnResult(Map.class).getResponseBody();
        return finished(id(started));
    }

    Map<String, Object> finished(String id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.json("/api/v1/imports/{id}", id), view -> DONE.contains(view.get("status")));
    }

    Map<String, Object> undo(String id) {
        api.post("/api/v1/imports/{id}/undo", null, id).expectStatus().isAccepted();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.json("/api/v1/imports/{id}", id),
                        view -> !"UNDOING".equals(view.get("status")));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejections(String id) {
        return (List<Map<String, Object>>) api.json("/api/v1/imports/{id}/rejections?limit=1000", id).get("rejections");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> progress(Map<String, Object> view) {
        return (Map<String, Object>) view.get("progress");
    }

    static String id(Map<String, Object> view) {
        return (String) view.get("id");
    }
}
