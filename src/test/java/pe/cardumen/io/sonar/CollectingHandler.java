package pe.cardumen.io.sonar;

import java.util.ArrayList;
import java.util.List;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;

/** Keeps everything a (small) raw file contains, for tests. */
public class CollectingHandler implements RawFileHandler {
    public String sounder;
    public List<SonarChannel> channels = List.of();
    public final List<Ping> pings = new ArrayList<>();
    public final List<String> nmea = new ArrayList<>();
    public final List<double[]> bottoms = new ArrayList<>();
    public final List<Long> bottomTimes = new ArrayList<>();

    @Override
    public void configuration(String sounder, List<SonarChannel> channels) {
        this.sounder = sounder;
        this.channels = channels;
    }

    @Override
    public void ping(Ping ping) {
        pings.add(ping);
    }

    @Override
    public void nmea(long timeTicks, String sentence) {
        nmea.add(sentence);
    }

    @Override
    public void bottom(long timeTicks, double[] depthsM) {
        bottomTimes.add(timeTicks);
        bottoms.add(depthsM);
    }

    public List<Ping> pingsOf(int channel) {
        return pings.stream().filter(p -> p.channel() == channel).toList();
    }
}
