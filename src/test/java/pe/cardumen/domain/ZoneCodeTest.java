package pe.cardumen.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ZoneCodeTest {

    @ParameterizedTest
    @CsvSource({
        // code, distance class, degrees south, southern half, north edge, south edge, dist min, dist max
        "1030,  1,  3, false, -3.0, -3.5,   0,  10",
        "30073, 30, 7, true,  -7.5, -8.0, 290, 300",
        "10120, 10, 12, false, -12.0, -12.5, 90, 100",
        "2183,  2, 18, true,  -18.5, -19.0, 10, 20",
        "9093,  9, 9, true,   -9.5, -10.0, 80, 90"
    })
    void parsesTheDocumentedExamples(String text, int dd, int ll, boolean half, double north, double south, double dmin, double dmax) {
        ZoneCode c = ZoneCode.parse(text);
        assertThat(c.distanceClass()).isEqualTo(dd);
        assertThat(c.degreesSouth()).isEqualTo(ll);
        assertThat(c.southernHalf()).isEqualTo(half);
        assertThat(c.latitudeNorthDegrees()).isEqualTo(north);
        assertThat(c.latitudeSouthDegrees()).isEqualTo(south);
        assertThat(c.distanceMinNmi()).isEqualTo(dmin);
        assertThat(c.distanceMaxNmi()).isEqualTo(dmax);
        assertThat(c.toString()).isEqualTo(text);
    }

    @Test
    void everyCodeOfTheFullGridRoundTrips() {
        for (int dd = 1; dd <= 30; dd++) {
            for (int ll = 3; ll <= 18; ll++) {
                for (boolean half : new boolean[] {false, true}) {
                    ZoneCode c = new ZoneCode(dd, ll, half);
                    assertThat(ZoneCode.parse(c.toString())).isEqualTo(c);
                    assertThat(ZoneCode.of(dd, c.latitudeNorthDegrees())).isEqualTo(c);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "103", "1031", "ABCDE", "103000", "0030", "10 30"})
    void rejectsMalformedCodes(String text) {
        assertThatThrownBy(() -> ZoneCode.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text.isEmpty() ? "" : text);
        assertThat(ZoneCode.isValid(text)).isFalse();
    }

    @Test
    void ordersNorthToSouthThenCoastToOffshore() {
        assertThat(ZoneCode.parse("2030")).isLessThan(ZoneCode.parse("1033"));
        assertThat(ZoneCode.parse("1033")).isLessThan(ZoneCode.parse("2033"));
    }

    @Test
    void stockBoundaryIsSixteenSouth() {
        assertThat(Stock.atLatitude(-15.99)).isEqualTo(Stock.NORTH_CENTRE);
        assertThat(Stock.atLatitude(-16.01)).isEqualTo(Stock.SOUTH);
        assertThat(Stock.parse("North_Centre")).isEqualTo(Stock.NORTH_CENTRE);
        assertThatThrownBy(() -> Stock.parse("east")).hasMessageContaining("north-centre or south");
    }
}
