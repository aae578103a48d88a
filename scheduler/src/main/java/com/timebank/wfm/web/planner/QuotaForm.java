package com.timebank.wfm.web.planner;

import com.timebank.wfm.org.QuotaMode;

/** The planner's part of the center settings: time-off quotas, the busy-day calendar and notice. */
public class QuotaForm {

    private String effectiveFrom;
    private Integer idleDayQuota;
    private Integer busyDayQuota;
    private Integer busyFirstDays;
    private Integer busyLastDays;
    private String specialBusyDates;
    private QuotaMode quotaMode;
    private Integer minNoticeDays;

    public String getEffectiveFrom() { return effectiveFrom; }
    public void setEffectiveFrom(String v) { effectiveFrom = v; }
    public Integer getIdleDayQuota() { return idleDayQuota; }
    public void setIdleDayQuota(Integer v) { idleDayQuota = v; }
    public Integer getBusyDayQuota() { return busyDayQuota; }
    public void setBusyDayQuota(Integer v) { busyDayQuota = v; }
    public Integer getBusyFirstDays() { return busyFirstDays; }
    public void setBusyFirstDays(Integer v) { busyFirstDays = v; }
    public Integer getBusyLastDays() { return busyLastDays; }
    public void setBusyLastDays(Integer v) { busyLastDays = v; }
    public String getSpecialBusyDates() { return specialBusyDates; }
    public void setSpecialBusyDates(String v) { specialBusyDates = v; }
    public QuotaMode getQuotaMode() { return quotaMode; }
    public void setQuotaMode(QuotaMode v) { quotaMode = v; }
    public Integer getMinNoticeDays() { return minNoticeDays; }
    public void setMinNoticeDays(Integer v) { minNoticeDays = v; }
}
