package fr.academie.iprof.grid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Optional;

/** The advancement grids in force. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Grids {

    public Optional<AdvancementGrid> inForce(String corps, String grade, LocalDate day) {
        return Grid.inForce(corps, grade, day).map(Grid::toAdvancementGrid);
    }
}
