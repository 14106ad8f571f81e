package org.nuanxin.service;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.nuanxin.Nuanxin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The service's beans beside the starter's engine: the clock, the body limit and the API's description. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceProperties.class)
public class ServiceConfiguration {

    /** The clock that gives "today" (in Asia/Shanghai) when a request names no as_of. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(Nuanxin.SHANGHAI);
    }

    /** The body cap, before anything else reads a request (security included). */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(ServiceProperties properties) {
        FilterRegistrationBean<BodyLimitFilter> r =
                new FilterRegistrationBean<>(new BodyLimitFilter(properties.getMaxRequestBytes()));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return r;
    }

    /** What /v3/api-docs says of the API itself. */
    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Nuanxin union service")
                        .version("v1")
                        .description("What a trade union's programme grants a gig worker, how much and why; and a"
                                + " ledger of what was granted. Field names follow the scenario vocabulary"
                                + " (docs/scenario-format.md). Errors are RFC 9457 problem documents."))
                .components(new Components()
                        .addSecuritySchemes(
                                "staff",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("a staff account (nuanxin.service.users)")));
    }
}
