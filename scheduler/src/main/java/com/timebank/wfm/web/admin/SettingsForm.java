package com.timebank.wfm.web.admin;

import com.timebank.wfm.org.QuotaMode;

/**
 * A change of center settings from a date on. Shares are entered as percentages ({@code 3.7} for 3.7%) and sent
 * to the service as ratios; every field is sent, so the new settings are exactly what the form shows.
 */
public class SettingsForm {

    private String effectiveFrom;
    private String auxTarget;
    private String overtimeRate1;
    private String overtimeRate2;
    private String overtimeRate3;
    private String bonusCapRatio;
    private Integer idleDayQuota;
    private Integer busyDayQuota;
    private Integer busyFirstDays;
    private Integer busyLastDays;
    private String specialBusyDates;
    private Integer monthCloseDay;
    private Integer minNoticeDays;
    private String serviceLevelTarget;
    private Integer serviceLevelSeconds;
    private String maxOccupancy;
    private String shrinkage;
    private QuotaMode quotaMode;
    private Integer standardDayMinutes;

    public QuotaMode getQuotaMode() { return quotaMode; }
    public void setQuotaMode(QuotaMode v) { quotaMode = v; }
    public String getEffectiveFrom() { return effectiveFrom; }
    public void setEffectiveFrom(String v) { effectiveFrom = v; }
    public String getAuxTarget() { return auxTarget; }
    public void setAuxTarget(String v) { auxTarget = v; }
    public String getOvertimeRate1() { return overtimeRate1; }
    public void setOvertimeRate1(String v) { overtimeRate1 = v; }
    public String getOvertimeRate2() { return overtimeRate2; }
    public void setOvertimeRate2(String v) { overtimeRate2 = v; }
    public String getOvertimeRate3() { return overtimeRate3; }
    public void setOvertimeRate3(String v) { overtimeRate3 = v; }
    public String getBonusCapRatio() { return bonusCapRatio; }
    public void setBonusCapRatio(String v) { bonusCapRatio = v; }
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
    public Integer getMonthCloseDay() { return monthCloseDay; }
    public void setMonthCloseDay(Integer v) { monthCloseDay = v; }
    public Integer getMinNoticeDays() { return minNoticeDays; }
    public void setMinNoticeDays(Integer v) { minNoticeDays = v; }
    public String getServiceLevelTarget() { return serviceLevelTarget; }
    public void setServiceLevelTarget(String v) { serviceLevelTarget = v; }
    public Integer getServiceLevelSeconds() { return serviceLevelSeconds; }
    public void setServiceLevelSeconds(Integer v) { serviceLevelSeconds = v; }
    public String getMaxOccupancy() { return maxOccupancy; }
    public void setMaxOccupancy(String v) { maxOccupancy = v; }
    public String getShrinkage() { return shrinkage; }
    public void setShrinkage(String v) { shrinkage = v; }
    public Integer getStandardDayMinutes() { return standardDayMinutes; }
    public void setStandardDayMinutes(Integer v) { standardDayMinutes = v; }
}
