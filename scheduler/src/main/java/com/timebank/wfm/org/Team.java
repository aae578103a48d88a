package com.timebank.wfm.org;

public record Team(long id, long centerId, String centerCode, String code, String name) {
}
