package com.timebank.wfm.api;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Errors Tomcat answers itself, before any servlet runs (a URL with a bad {@code %} escape, a request it cannot
 * map): its error report valve is replaced by one that answers problem+json under {@code /api/} and Tomcat's
 * plain page without server details elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    /** Runs after Spring Boot's own Tomcat customizer, which adds the stock valve we replace. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return new Customizer();
    }

    static final class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve v : host.getPipeline().getValves()) {
                        if (v instanceof ErrorReportValve && !(v instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(v);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's error report valve, answering problem+json for the API. Public: Tomcat creates it by class name. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json().build();

        public ProblemErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            if (!ErrorEndpoint.isApi(uri == null ? null : uri.replaceFirst("[?#].*", ""))) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String[] kind = Problems.kind(status);
            Message reason = Problems.statusReason(status);
            ProblemDetail p = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(status),
                    IcuMessageSource.render(reason, Problems.locale(request.getRequest())));
            p.setType(URI.create("https://timebank-wfm.example/problems/" + kind[0]));
            p.setTitle(kind[1]);
            p.setProperty("code", reason.code());
            p.setProperty("args", reason.args());
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(p));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is already under way: nothing more to tell
            }
        }
    }
}
