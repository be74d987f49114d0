package io.clientele.communication.contacts;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class ContactsConfiguration {

    /**
     * Writes conditional on the version read name exactly {@code _id} and {@code version}: MongoDB would use the
     * primary index anyway, but the stand-in serves a query only from a unique index with exactly its keys.
     */
    @Bean
    InitializingBean contactIndexes(MongoTemplate mongo) {
        return () -> mongo.indexOps(ContactDocument.COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).unique().named("id_version"));
    }
}
