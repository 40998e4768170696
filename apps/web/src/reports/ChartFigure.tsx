import { SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FigureTable {
  columns: string[];
  rows: Array<{ key: string; cells: string[] }>;
}

// A chart with its figures as a table beside it: the drawing is for the eye (hidden from screen
// readers), the table says the same in words. `draw` runs once per `signature` (the data).
export function ChartFigure({
  title,
  signature,
  draw,
  table,
  height = 260,
  testId,
}: {
  title: string;
  signature: string;
  draw: (element: HTMLElement) => Promise<() => void>;
  table: FigureTable;
  height?: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let cancelled = false;
    if (element.current) {
      void draw(element.current).then((d) => {
        if (cancelled) d();
        else dispose = d;
      });
    }
    return () => {
      cancelled = true;
      dispose?.();
    };
    // The drawing depends on the data only, which the signature stands for.
  }, [signature]);
  return (
    <section className="report-figure" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {table.rows.length === 0 ? (
        <Text c="gray.7">{t('reports.chart.noData')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <div ref={element} aria-hidden="true" className="report-chart" style={{ height }} />
          {/* A block of its own: the grid row would stretch the table's rows to the chart's height. */}
          <div>
            <Table striped withTableBorder fz="sm" className="report-table">
              <Table.Caption>{t('reports.chart.dataTable', { title })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {table.columns.map((column, i) => (
                    <Table.Th key={column} ta={i === 0 ? 'left' : 'right'} scope="col">
                      {column}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((row) => (
                  <Table.Tr key={row.key}>
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <Table.Th key={i} scope="row" fw={400}>
                          {cell}
                        </Table.Th>
                      ) : (
                        <Table.Td key={i} ta="right">
                          {cell}
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </SimpleGrid>
      )}
    </section>
  );
}
