package com.timebank.wfm.web;

import java.util.Map;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.InvalidInputException;

/**
 * Puts a service's field errors next to the form's fields. The message is looked up as {@code code.field} (so a
 * form can word it its own way, e.g. {@code admin.settings.invalid.auxTarget}), else as the service's own message
 * code with its arguments, both in the reader's language; a field the form does not have becomes an error of the
 * whole form.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult binding, InvalidInputException e, Map<String, String> fieldMap, String code) {
        BeanWrapperImpl form = new BeanWrapperImpl(binding.getTarget());
        for (FieldError f : e.errors()) {
            String field = fieldMap.getOrDefault(f.field(), f.field());
            if (field != null && form.isReadableProperty(field)) {
                binding.addError(new org.springframework.validation.FieldError(binding.getObjectName(), field,
                        form.getPropertyValue(field), false, new String[] {code + "." + field, f.code()},
                        f.getArguments(), f.message()));
            } else {
                binding.reject(code, new Object[] {f.reason()}, f.message());
            }
        }
    }
}
