package com.timebank.wfm.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.validation.BindingResult;

/** The admin forms' own checks, the same as the API's request validation, with messages from the admin bundle. */
final class Forms {

    /** Codes of centers, teams and employee numbers, as the API accepts them. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_NAME = 200;

    private Forms() {
    }

    static String trim(String s) {
        return s == null ? null : s.trim();
    }

    static void code(String value, String field, BindingResult binding) {
        if (value == null || value.isBlank()) {
            binding.rejectValue(field, "admin.error.required");
        } else if (!CODE.matcher(value.trim()).matches()) {
            binding.rejectValue(field, "admin.error.code");
        }
    }

    static void name(String value, String field, BindingResult binding) {
        if (value == null || value.isBlank()) {
            binding.rejectValue(field, "admin.error.required");
        } else if (value.trim().length() > MAX_NAME) {
            binding.rejectValue(field, "admin.error.name-length", new Object[] {MAX_NAME}, null);
        }
    }

    /** A comma- or line-separated list, blanks dropped. */
    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String s : text.split("[,\\n\\r]+")) {
                if (!s.isBlank()) {
                    items.add(s.trim());
                }
            }
        }
        return items;
    }
}
