package io.clientele.gateway.problem;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Puts {@link ProblemBodies} on every connection, after the HTTP codec. */
@Configuration(proxyBeanMethods = false)
class NettyProblemBodies {

    @Bean
    NettyServerCustomizer problemBodiesForNettysOwnErrors() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "clientele.problemBodies", new ProblemBodies());
            }
        });
    }
}
