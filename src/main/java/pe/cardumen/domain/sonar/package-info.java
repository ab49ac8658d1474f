/**
 * Echosounder records as read from Simrad raw files, normalised from the vendor's datagrams: channel
 * configurations, pings with their samples, NMEA sentences, bottom depths. Immutable; times are UTC
 * with the files' full 100 ns resolution.
 */
package pe.cardumen.domain.sonar;
