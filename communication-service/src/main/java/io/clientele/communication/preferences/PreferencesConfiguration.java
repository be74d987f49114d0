package io.clientele.communication.preferences;

import io.clientele.platform.outbox.mongo.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class PreferencesConfiguration {

    /** Preferences documents carry their pending events; the relay watches them. */
    @Bean
    OutboxSource preferencesOutbox(MongoTemplate mongo) {
        var indexes = mongo.indexOps(PreferencesDocument.COLLECTION);
        // the workspace-wide consent export
        indexes.createIndex(new Index("workspaceId", Sort.Direction.ASC).named("workspace"));
        // the clean-up of hand-offs whose sender died
        indexes.createIndex(new Index("handoffs.until", Sort.Direction.ASC).named("handoffs_until"));
        // Writes conditional on the version read name exactly these keys: MongoDB would use the primary index
        // anyway, but the stand-in serves a query only from an index with exactly its keys (and unique).
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
        return new OutboxSource(PreferencesDocument.COLLECTION);
    }
}
