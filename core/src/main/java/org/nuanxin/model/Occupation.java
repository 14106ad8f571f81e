package org.nuanxin.model;

/**
 * A worker's occupation, as the sources name the groups: the {@code occupation} values of the scenario format
 * (docs/scenario-format.md), {@code CITY_MANAGEMENT} (城管) among them, which the catalogue counts among outdoor
 * workers.
 */
public enum Occupation {
    COURIER,
    FOOD_DELIVERY_RIDER,
    RIDE_HAILING_DRIVER,
    TRUCK_DRIVER,
    TAXI_DRIVER,
    DOMESTIC_WORKER,
    SECURITY_GUARD,
    ONLINE_STREAMER,
    SANITATION_WORKER,
    TRAFFIC_POLICE,
    CITY_MANAGEMENT,
    OTHER
}
