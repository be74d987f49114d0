package io.clientele.communication.messages;

import io.clientele.platform.outbox.mongo.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    /** Message documents carry their pending events; the relay watches them. */
    @Bean
    OutboxSource messagesOutbox(MongoTemplate mongo) {
        var indexes = mongo.indexOps(MessageDocument.COLLECTION);
        // The idempotency of requests: one message per workspace and request id, whoever asks how often.
        indexes.createIndex(new Index().on("workspaceId", Sort.Direction.ASC).on("requestId", Sort.Direction.ASC)
                .unique().named("request_identity"));
        // A customer's log, newest first, in keyset pages.
        indexes.createIndex(new Index().on("workspaceId", Sort.Direction.ASC).on("customerId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("customer_log"));
        // The scheduler's due messages and recovery's expired leases.
        indexes.createIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("due"));
        indexes.createIndex(new Index().on("state", Sort.Direction.ASC).on("lease.until", Sort.Direction.ASC)
                .named("leases"));
        return new OutboxSource(MessageDocument.COLLECTION);
    }
}
