package com.timebank.wfm.api;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The error dispatch of requests that reached no controller, or whose error was sent after it (unknown path, wrong
 * method or media type, a refused upload size): under {@code /api/} a problem+json like every other API error, for
 * the pages the error page. Replaces Spring Boot's default, which answers JSON of its own shape or a bare page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorEndpoint implements ErrorController {

    private final ErrorAttributes errorAttributes;
    private final Problems problems;
    private final ObjectMapper json;

    ErrorEndpoint(ErrorAttributes errorAttributes, Problems problems, ObjectMapper json) {
        this.errorAttributes = errorAttributes;
        this.problems = problems;
        this.json = json;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request) {
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        // a body over the limit found while a filter read it (hashing a retried request) is still a 413
        int status = OutOfRangeException.in(error) == null && tooLarge(error) ? 413 : status(request);
        if (isApi(originalPath(request))) {
            ProblemDetail p = problems.of(HttpStatusCode.valueOf(status), ProblemHandler.reasonOf(rootRefusal(error), status),
                    request);
            return new ModelAndView((model, req, res) -> {
                res.setStatus(status);
                res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                writeProblem(res.getOutputStream(), p);
            });
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("reasons", List.of());
        // a form sent after its session ended (signed out, timed out) fails the CSRF check: it expired, the role
        // has nothing to do with it
        page.addObject("expired", request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
        return page;
    }

    private void writeProblem(java.io.OutputStream out, ProblemDetail p) throws IOException {
        json.writeValue(out, p);
    }

    /** The refusal inside a servlet exception, if any, so that its own reason is told. */
    private static Throwable rootRefusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal) {
                return t;
            }
        }
        return error;
    }

    private static boolean tooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri != null ? uri.toString() : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && path.startsWith(context) ? path.substring(context.length())
                : path;
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        return HttpStatus.resolve(status) != null && status >= 400 ? status : 500;
    }
}
