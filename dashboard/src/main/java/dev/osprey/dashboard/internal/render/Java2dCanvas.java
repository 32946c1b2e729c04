package dev.osprey.dashboard.internal.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** A canvas that paints an image with Java2D (headless: no display needed). */
final class Java2dCanvas implements Canvas {

    private final BufferedImage image;
    private final Graphics2D g;

    Java2dCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill) {
        g.setColor(Color.decode(fill));
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double width) {
        g.setColor(Color.decode(stroke));
        g.setStroke(new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, String stroke, double width, double opacity) {
        Color c = Color.decode(stroke);
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(opacity * 255)));
        g.setStroke(new BasicStroke((float) width));
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                path.moveTo(xs[i], ys[i]);
            } else {
                path.lineTo(xs[i], ys[i]);
            }
        }
        g.draw(path);
    }

    @Override
    public void point(double x, double y, double radius, String fill) {
        g.setColor(Color.decode(fill));
        g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void text(double x, double y, String text, int size, String anchor, boolean vertical) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        double width = g.getFontMetrics().stringWidth(text);
        double shift = switch (anchor) {
            case "middle" -> -width / 2;
            case "end" -> -width;
            default -> 0;
        };
        AffineTransform saved = g.getTransform();
        if (vertical) {
            g.rotate(-Math.PI / 2, x, y);
        }
        g.drawString(text, (float) (x + shift), (float) y);
        g.setTransform(saved);
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }
}
