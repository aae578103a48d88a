package com.timebank.wfm.api;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One size limit for every API request body, the same as for the pages' file uploads
 * ({@code spring.servlet.multipart.max-file-size}): a declared length over it is answered 413 before anything is
 * read, and a body sent without a length stops with 413 where it passes the limit. Uploads are read as a stream
 * ({@link UploadBody}), so the limit bounds what a request may send, not what the service holds.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimit implements WebMvcConfigurer {

    private final long maxBytes;

    UploadLimit(MultipartProperties multipart) {
        this.maxBytes = multipart.getMaxFileSize() == null ? -1 : multipart.getMaxFileSize().toBytes();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiBodyLimit(Problems problems, ObjectMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return maxBytes <= 0 || !(path.startsWith("/api/") || path.equals("/api"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > maxBytes) {
                    ProblemDetail p = problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                            PayloadTooLargeException.reason(maxBytes), request);
                    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    // the body is not read: close the connection rather than drain megabytes nobody wants
                    response.setHeader("Connection", "close");
                    byte[] body = json.writeValueAsBytes(p);
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                    response.flushBuffer();
                    return;
                }
                chain.doFilter(new Bounded(request, maxBytes), response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("apiBodyLimit");
        registration.setOrder(-200); // before the security filters: a refused size costs no password check
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == UploadBody.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                    NativeWebRequest request, WebDataBinderFactory binders) throws IOException {
                return new UploadBody(request.getNativeRequest(HttpServletRequest.class).getInputStream());
            }
        });
    }

    /** A request whose body stops with {@link PayloadTooLargeException} past the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = ServletBody.of(in, new java.io.FilterInputStream(in) {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        count(b >= 0 ? 1 : 0);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = super.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > maxBytes) {
                            throw new PayloadTooLargeException(maxBytes);
                        }
                    }
                });
            }
            return stream;
        }
    }
}
