/**
 * Offer lifecycle: when to decline, suppress and revive. Pure: the time is passed in and the
 * decisions come back as {@link io.berth.scheduler.core.offers.OfferEffect} values for a driver to
 * execute.
 */
package io.berth.scheduler.core.offers;
