package io.learnloop.app.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** Strict JSON and a size limit for the public API. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** Far above the longest question (2,000 characters), far below what could hurt. */
  static final long MAX_BODY_BYTES = 64 * 1024;

  /** A number is not a question: scalars are not coerced into text. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictScalars() {
    return builder ->
        builder.postConfigurer(
            mapper -> {
              for (CoercionInputShape shape :
                  new CoercionInputShape[] {
                    CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
                  }) {
                mapper
                    .coercionConfigFor(LogicalType.Textual)
                    .setCoercion(shape, CoercionAction.Fail);
              }
            });
  }

  /** The public HTTP API as OpenAPI 3, served at {@code /v3/api-docs}. */
  @Bean
  io.swagger.v3.oas.models.OpenAPI learnLoopApi() {
    return new io.swagger.v3.oas.models.OpenAPI()
        .info(
            new io.swagger.v3.oas.models.info.Info()
                .title("LearnLoop API")
                .version("0.1")
                .description(
                    "Answers from the organisation's docs with citations (/api/ask) and the web"
                        + " chat (/api/chat). Anonymous callers read public documents only; send"
                        + " Authorization: Bearer <LEARNLOOP_API_TOKEN> to act for a named user."
                        + " Errors are {\"error\": \"...\"}."));
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> bodySizeLimit() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                  response.setStatus(413);
                  response.setContentType("application/json");
                  response.getWriter().write("{\"error\":\"The request is larger than 64 KiB\"}");
                  return;
                }
                chain.doFilter(request, response);
              }
            });
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
