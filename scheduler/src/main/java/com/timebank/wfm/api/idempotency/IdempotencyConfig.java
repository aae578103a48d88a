package com.timebank.wfm.api.idempotency;

import java.time.Clock;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.api.ClientKey;
import com.timebank.wfm.api.Problems;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/** The idempotency filter runs after the security filters (it needs the user) and is documented on every POST. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfig {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRepository keys, Problems problems,
            ObjectMapper json, Clock clock) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(keys, problems, json, clock));
        registration.setName("idempotencyFilter");
        registration.setOrder(0); // Spring Security's chain is at -100
        return registration;
    }

    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            boolean post = handler.hasMethodAnnotation(PostMapping.class)
                    || handler.hasMethodAnnotation(RequestMapping.class) && java.util.Arrays.asList(
                            handler.getMethodAnnotation(RequestMapping.class).method()).contains(RequestMethod.POST);
            boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> IdempotencyFilter.HEADER.equalsIgnoreCase(p.getName()));
            if (post && !declared) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .schema(new StringSchema().maxLength(ClientKey.MAX_LENGTH))
                        .description("Makes a retry safe: the same key (per user) with the same body returns the "
                                + "first answer and posts nothing again; with another body 422. Kept for 24 h."));
            }
            return operation;
        };
    }
}
