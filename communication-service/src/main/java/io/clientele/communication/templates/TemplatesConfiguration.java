package io.clientele.communication.templates;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class TemplatesConfiguration {

    TemplatesConfiguration(MongoTemplate mongo) {
        // One template per workspace, key, channel and language; also how messages find theirs.
        mongo.indexOps(TemplateDocument.COLLECTION).createIndex(new Index().on("workspaceId", Sort.Direction.ASC)
                .on("key", Sort.Direction.ASC).on("channel", Sort.Direction.ASC).on("language", Sort.Direction.ASC)
                .unique().named("template_identity"));
    }
}
