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
        return new OutboxSource(PreferencesDocument.COLLECTION);
    }
}
