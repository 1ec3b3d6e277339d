import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** A horizontal bar chart (Chart.js) of labelled values, e.g. contract value by country; numbers formatted by `format`. */
export function BarChart({ labels, values, format, label }: { labels: string[]; values: number[]; format: (value: number) => string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: '#1c5aa6' }] },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { ticks: { callback: (value) => format(Number(value)) } } },
        plugins: { tooltip: { callbacks: { label: (item) => format(Number(item.raw)) } } },
      },
    });
    return () => chart.destroy();
  }, [labels.join('|'), values.join('|'), label]);
  return (
    <div class="chart" style={{ height: `${2 + labels.length * 1.8}rem` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
