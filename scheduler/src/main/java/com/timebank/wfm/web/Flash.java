package com.timebank.wfm.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message shown once on the page a form redirects to (post/redirect/get), in the reader's language; the layout
 * shows the model attribute {@code flash}. An htmx response puts the same record into its model directly.
 */
@Component
public class Flash {

    public record Message(String kind, String text) {
    }

    private final MessageSource messages;

    Flash(MessageSource messages) {
        this.messages = messages;
    }

    public Message success(String key, Object... args) {
        return new Message("success", messages.getMessage(key, args, LocaleContextHolder.getLocale()));
    }

    public Message error(String key, Object... args) {
        return new Message("error", messages.getMessage(key, args, LocaleContextHolder.getLocale()));
    }

    public void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", success(key, args));
    }

    public void error(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", error(key, args));
    }
}
