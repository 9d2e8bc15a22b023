package dev.kafkaspool.logback;

import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import ch.qos.logback.core.util.OptionHelper;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads the class names of logback-kafka-appender's {@code <keyingStrategy class="..."/>} and
 * {@code <deliveryStrategy class="..."/>} inside this appender's element of the configuration file.
 * Joran accepts those elements as text properties (see {@link AppenderElements}) and passes their
 * class attribute on to nothing, nor does it keep the file's address on the context unless
 * {@code scan="true"}; so the appender looks, once at start, where Logback itself looks: the file
 * {@code scan} watches, the {@code logback.configurationFile} system property, then
 * {@code logback-test.xml}, {@code logback.xml} and Spring Boot's {@code logback-spring.xml} on the
 * class path. The first file holding an appender of this name and class is read. A file given to a
 * configurator directly (Spring Boot's {@code logging.config}, a {@code JoranConfigurator} in code)
 * without {@code scan} is not found: then no strategy is mapped and {@code key} stays as set.
 *
 * <p><b>Stateless, thread-safe.</b>
 */
final class LegacyStrategyReader {

    /** The class names found; null where the element is absent or could not be read. */
    static final class Strategies {
        final String keying;
        final String delivery;

        Strategies(String keying, String delivery) {
            this.keying = keying;
            this.delivery = delivery;
        }
    }

    private LegacyStrategyReader() {
    }

    /**
     * The strategies of the appender named {@code appenderName} in the context's configuration file.
     * Never throws: a file that cannot be read gives no strategies and a note in {@code settings}.
     */
    static Strategies read(Context context, String appenderName, AppenderSettings settings) {
        if (context == null || appenderName == null) {
            return new Strategies(null, null);
        }
        for (URL url : candidates(context)) {
            try (InputStream in = url.openStream()) {
                NodeList appenders = parser().parse(in).getElementsByTagName("appender");
                for (int i = 0; i < appenders.getLength(); i++) {
                    Element appender = (Element) appenders.item(i);
                    if (appenderName.equals(subst(appender.getAttribute("name"), context))
                            && KafkaSpoolAppender.class.getName().equals(appender.getAttribute("class").trim())) {
                        return new Strategies(classOf(appender, "keyingStrategy", context),
                                classOf(appender, "deliveryStrategy", context));
                    }
                }
            } catch (Exception e) {
                settings.note("the configuration file " + url + " could not be read again for logback-kafka-appender's"
                        + " <keyingStrategy> and <deliveryStrategy> (" + e.getClass().getSimpleName()
                        + "); if it has them, set <key> instead");
            }
        }
        return new Strategies(null, null);
    }

    /** Where Logback looks for its configuration, in its order. */
    private static List<URL> candidates(Context context) {
        List<URL> urls = new ArrayList<>();
        URL watched = ConfigurationWatchListUtil.getMainWatchURL(context);
        if (watched != null) {
            urls.add(watched);
        }
        ClassLoader loader = LegacyStrategyReader.class.getClassLoader();
        String file = System.getProperty("logback.configurationFile");
        if (file != null && !file.isBlank()) {
            try {
                urls.add(new URL(file.trim()));
            } catch (MalformedURLException e) {
                Path path = Path.of(file.trim());
                if (Files.isRegularFile(path)) {
                    try {
                        urls.add(path.toUri().toURL());
                    } catch (MalformedURLException ignored) {
                        // not a file either
                    }
                } else if (loader.getResource(file.trim()) != null) {
                    urls.add(loader.getResource(file.trim()));
                }
            }
        }
        for (String name : new String[] {"logback-test.xml", "logback.xml", "logback-spring.xml"}) {
            URL url = loader.getResource(name);
            if (url != null) {
                urls.add(url);
            }
        }
        return urls;
    }

    private static String classOf(Element appender, String tag, Context context) {
        for (Node n = appender.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && tag.equals(n.getNodeName())) {
                String className = subst(((Element) n).getAttribute("class"), context).trim();
                return className.isEmpty() ? "(no class given)" : className;
            }
        }
        return null;
    }

    private static String subst(String value, Context context) {
        try {
            return OptionHelper.substVars(value, context);
        } catch (Exception e) {
            return value;
        }
    }

    /** A parser that reads the file only: no external entities, no DTD loading. */
    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }
}
