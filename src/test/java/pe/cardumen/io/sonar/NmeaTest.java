package pe.cardumen.io.sonar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NmeaTest {
    @Test
    void readsTheSentencesInTheRealFiles() {
        // DY1201 (no checksum): 54°45.9292′N 163°13.8127′W
        Nmea.Fix gga = Nmea.position("$GPGGA,231011,5445.9292,N,16313.8127,W,1,10,00.8,27.6,M,11.1,M,,").orElseThrow();
        assertThat(gga.latDegrees()).isCloseTo(54 + 45.9292 / 60, within(1e-12));
        assertThat(gga.lonDegrees()).isCloseTo(-(163 + 13.8127 / 60), within(1e-12));
        // EK80 WBT Tube: 44°15.69′S 172°42.64′E
        Nmea.Fix gll = Nmea.position("$GPGLL,4415.69,S,17242.64,E,010615,A,A").orElseThrow();
        assertThat(gll.latDegrees()).isCloseTo(-(44 + 15.69 / 60), within(1e-12));
        assertThat(gll.lonDegrees()).isCloseTo(172 + 42.64 / 60, within(1e-12));
        Nmea.Fix rmc = Nmea.position("$GPRMC,151354.00,A,5120.1610649,N,00311.9218993,E,0.026,139.9,081122,0.0,E,D").orElseThrow();
        assertThat(rmc.lonDegrees()).isCloseTo(3 + 11.9218993 / 60, within(1e-12));
    }

    @Test
    void checksumsAreVerifiedWhenPresent() {
        // the checksum is the XOR of every character between "$" and "*"
        String body = "GPGLL,1200.00,S,07700.00,W,120000,A";
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum ^= c;
        }
        assertThat(Nmea.position("$" + body + "*" + String.format("%02X", sum))).isPresent();
        assertThat(Nmea.position("$" + body + "*" + String.format("%02X", sum ^ 1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "$GPGGA,,,,,,0,,,,,,,,", "$GPRMC,120000,V,1200.00,S,07700.00,W,0,0,010112,,", "$GPGGA,231011,54X5.9,N,16313.8127,W,1,10",
        "$GPGLL,9500.00,N,00000.00,E,120000,A", "$SDVLW,475.702,N,475.702,N", "\u00ff\u0000$GP\u0080"})
    void givesNoPositionForInvalidOrOtherSentences(String s) {
        assertThat(Nmea.position(s)).isEmpty();
    }

    @Test
    void speedOverGroundFromVtgAndRmc() {
        // the sentences of the sample files: DY1201 0.9 kn, the WBT Mini FM file 2.766 kn (= 5.123 km/h)
        assertThat(Nmea.speedKnots("$GPVTG,072,T,057,M,00.9,N,01.6,K,A").orElseThrow()).isEqualTo(0.9);
        assertThat(Nmea.speedKnots("$GNVTG,86.89,T,,M,2.766,N,5.123,K,D").orElseThrow()).isEqualTo(2.766);
        assertThat(Nmea.speedKnots("$GNRMC,121223.50,A,4535.17468,N,01258.73182,E,2.766,86.89,090518,,,D,V").orElseThrow()).isEqualTo(2.766);
        // knots missing: km/h converted (1 kn = 1.852 km/h)
        assertThat(Nmea.speedKnots("$GPVTG,072,T,057,M,,N,18.52,K,A").orElseThrow()).isCloseTo(10.0, within(1e-12));
        assertThat(Nmea.speedKnots("$GPVTG,072,T,057,M,5.0,N,9.3,K,N")).as("mode N: not valid").isEmpty();
        assertThat(Nmea.speedKnots("$GPRMC,120000,V,1200.00,S,07700.00,W,3.0,0,010112,,")).as("status V").isEmpty();
        assertThat(Nmea.speedKnots("$GPGGA,231011,5445.9292,N,16313.8127,W,1,10,00.8,27.6,M,11.1,M,,")).isEmpty();
        assertThat(Nmea.speedKnots("$GPVTG,072,T,057,M,x,N,,K,A")).isEmpty();
    }
}
