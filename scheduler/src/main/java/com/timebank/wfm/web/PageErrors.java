package com.timebank.wfm.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.NotFoundException;

/**
 * Errors of the pages as pages (the API's {@code ProblemHandler} answers JSON). A record outside the user's scope
 * is "not found", exactly like one that does not exist. Forms catch their own validation and rule errors to show
 * them next to the field; what reaches here is a page that cannot be shown at all.
 */
@ControllerAdvice(basePackages = "com.timebank.wfm.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, List.of());
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN, List.of());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        return page(e.status(), e.errors().stream().map(this::say).toList());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter() {
        return page(HttpStatus.BAD_REQUEST, List.of());
    }

    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refused(BusinessRuleException e) {
        return page(HttpStatus.UNPROCESSABLE_ENTITY, List.of(say(e.reason())));
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, List.of(say(e.reason())));
    }

    /** In the reader's language, from the message bundles. */
    private String say(MessageSourceResolvable reason) {
        return messages.getMessage(reason, LocaleContextHolder.getLocale());
    }

    /** Spring MVC's own refusals (wrong method, missing parameter…) keep their status, as a page. */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView mvc(ErrorResponseException e) {
        return page(HttpStatus.valueOf(e.getStatusCode().value()), List.of());
    }

    /** Anything else: logged, and a page that says so (the API's handler would answer JSON to a browser). */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse r) {
            return page(HttpStatus.valueOf(r.getStatusCode().value()), List.of());
        }
        log.error("Unexpected error on a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, List.of());
    }

    static ModelAndView page(HttpStatus status, List<String> reasons) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("reasons", reasons);
        return mav;
    }
}
